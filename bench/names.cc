// The name lists behind names.h, written for this benchmark. They are short on
// purpose: combinations (given name x family name x middle name, prefix x
// sector x legal form) give the variety, and repeated names are realistic.
#include "names.h"

namespace dossier::bench {
namespace {

std::vector<Spelling> Latin(std::initializer_list<const char*> names) {
  std::vector<Spelling> out;
  for (const char* n : names) out.push_back({n, ""});
  return out;
}

std::vector<FamilyName> LatinFamily(std::initializer_list<const char*> names) {
  std::vector<FamilyName> out;
  for (const char* n : names) out.push_back({{n, ""}, {n, ""}});
  return out;
}

// Russian surnames in -ov/-ev/-in take "-a" (Cyrillic "-а") for women.
std::vector<FamilyName> RussianFamily(std::initializer_list<std::pair<const char*, const char*>> names) {
  std::vector<FamilyName> out;
  for (const auto& [latin, cyrillic] : names)
    out.push_back({{latin, cyrillic}, {std::string(latin) + "a", std::string(cyrillic) + "а"}});
  return out;
}

std::vector<Culture> MakeCultures() {
  std::vector<Culture> c;

  Culture en;
  en.key = "en";
  en.weight = 18;
  en.male = Latin({"James", "John", "Robert", "Michael", "William", "David", "Richard", "Thomas", "Charles", "Daniel",
                   "Matthew", "Anthony", "Mark", "Paul", "Steven", "Andrew", "Peter", "Edward", "George", "Jonathan",
                   "Simon", "Nicholas", "Christopher", "Benjamin", "Oliver", "Henry", "Patrick", "Graham"});
  en.female = Latin({"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Sarah", "Karen", "Emma",
                     "Charlotte", "Olivia", "Rebecca", "Catherine", "Victoria", "Helen", "Rachel", "Laura", "Emily",
                     "Hannah", "Claire", "Fiona", "Joanne"});
  en.family = LatinFamily(
      {"Smith",    "Johnson",  "Williams", "Brown",   "Jones",    "Miller",   "Davis",     "Wilson",  "Taylor",
       "Anderson", "Thomas",   "Moore",    "Martin",  "Jackson",  "Thompson", "White",     "Harris",  "Clarke",
       "Lewis",    "Robinson", "Walker",   "Young",   "Allen",    "King",     "Wright",    "Scott",   "Hill",
       "Green",    "Adams",    "Baker",    "Nelson",  "Carter",   "Mitchell", "Roberts",   "Turner",  "Phillips",
       "Campbell", "Parker",   "Evans",    "Edwards", "Collins",  "Stewart",  "Morris",    "Murphy",  "Cook",
       "Rogers",   "Morgan",   "Cooper",   "Reed",    "Bailey",   "Bell",     "Kelly",     "Howard",  "Ward",
       "Cox",      "Wood",     "Watson",   "Brooks",  "Bennett",  "Gray",     "Hughes",    "Price",   "Fisher",
       "Ellis",    "Graham",   "Hamilton", "Fletcher", "Palmer",  "Lawson",   "O'Brien",   "O'Connor", "McDonald",
       "MacLeod",  "Ashworth", "Pemberton", "Whitfield"});
  en.nationalities = {"gb", "gb", "gb", "us", "us", "ie", "ca", "au", "nz", "mt"};
  c.push_back(en);

  Culture de;
  de.key = "de";
  de.weight = 14;
  de.male = Latin({"Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Frank", "Jürgen", "Klaus",
                   "Wolfgang", "Uwe", "Matthias", "Jörg", "Torsten", "Sven", "Dirk", "Florian", "Tobias", "Lukas",
                   "Maximilian", "Karl-Heinz", "Hans-Peter"});
  de.female = Latin({"Sabine", "Petra", "Monika", "Claudia", "Susanne", "Andrea", "Birgit", "Katrin", "Anja", "Nicole",
                     "Julia", "Stefanie", "Ursula", "Heike", "Jana", "Annegret"});
  de.family = LatinFamily(
      {"Müller",   "Schmidt",  "Schneider", "Fischer", "Weber",    "Meyer",    "Wagner",   "Becker",  "Schulz",
       "Hoffmann", "Schäfer",  "Koch",      "Bauer",   "Richter",  "Klein",    "Wolf",     "Schröder", "Neumann",
       "Schwarz",  "Zimmermann", "Braun",   "Krüger",  "Hofmann",  "Hartmann", "Lange",    "Schmitt", "Werner",
       "Krause",   "Meier",    "Lehmann",   "Schulze", "Köhler",   "Herrmann", "König",    "Walter",  "Huber",
       "Kaiser",   "Fuchs",    "Peters",    "Scholz",  "Möller",   "Weiß",     "Jung",     "Hahn",    "Vogel",
       "Friedrich", "Keller",  "Günther",   "Berger",  "Winkler",  "Roth",     "Lorenz",   "Baumann", "von Arnim",
       "Brandt",   "Voigt",    "Engel",     "Seidel"});
  de.nationalities = {"de", "de", "de", "de", "at", "ch"};
  c.push_back(de);

  Culture ro;  // Romance: French, Spanish, Italian, Portuguese
  ro.key = "ro";
  ro.weight = 13;
  ro.male = Latin({"Jean", "Pierre", "Philippe", "Nicolas", "Laurent", "François", "Antoine", "Julien", "José",
                   "Carlos", "Javier", "Miguel", "Alejandro", "Luis", "Marco", "Giuseppe", "Alessandro", "Luca",
                   "Giovanni", "Paolo", "João", "Rui"});
  ro.female = Latin({"Marie", "Isabelle", "Sophie", "Nathalie", "Camille", "Lucía", "Carmen", "Elena", "Isabel",
                     "Giulia", "Francesca", "Chiara", "Valentina", "Inês", "Ana"});
  ro.family = LatinFamily(
      {"Martin",  "Bernard",  "Dubois",   "Durand",   "Lefebvre", "Moreau",   "Laurent",  "Girard",  "Rousseau",
       "Fontaine", "Chevalier", "García", "Fernández", "González", "Rodríguez", "López",   "Martínez", "Sánchez",
       "Pérez",   "Gómez",    "Ruiz",     "Navarro",  "Rossi",    "Russo",    "Ferrari",  "Esposito", "Bianchi",
       "Romano",  "Colombo",  "Ricci",    "Marino",   "Greco",    "Bruno",    "Conti",    "De Luca",  "Costa",
       "Silva",   "Santos",   "Ferreira", "Pereira",  "Oliveira", "Carvalho", "Dos Santos", "Le Gall"});
  ro.nationalities = {"fr", "fr", "es", "es", "it", "it", "pt", "be", "lu", "mc"};
  c.push_back(ro);

  Culture ru;
  ru.key = "ru";
  ru.lang = "rus";
  ru.weight = 20;
  ru.male = {{"Aleksandr", "Александр"}, {"Dmitry", "Дмитрий"},     {"Sergey", "Сергей"},   {"Andrey", "Андрей"},
             {"Alexey", "Алексей"},      {"Ivan", "Иван"},           {"Mikhail", "Михаил"},  {"Nikolay", "Николай"},
             {"Vladimir", "Владимир"},   {"Pavel", "Павел"},         {"Yury", "Юрий"},       {"Oleg", "Олег"},
             {"Igor", "Игорь"},          {"Viktor", "Виктор"},       {"Roman", "Роман"},     {"Boris", "Борис"},
             {"Gennady", "Геннадий"},    {"Konstantin", "Константин"}, {"Maksim", "Максим"}, {"Anatoly", "Анатолий"},
             {"Vadim", "Вадим"},         {"Denis", "Денис"},         {"Arkady", "Аркадий"},  {"Timur", "Тимур"}};
  ru.female = {{"Elena", "Елена"},     {"Olga", "Ольга"},       {"Natalia", "Наталья"},   {"Tatiana", "Татьяна"},
               {"Irina", "Ирина"},     {"Svetlana", "Светлана"}, {"Marina", "Марина"},    {"Anna", "Анна"},
               {"Yulia", "Юлия"},      {"Ekaterina", "Екатерина"}, {"Lyudmila", "Людмила"}, {"Galina", "Галина"},
               {"Vera", "Вера"},       {"Oksana", "Оксана"},     {"Polina", "Полина"},     {"Daria", "Дарья"}};
  ru.family = RussianFamily({{"Ivanov", "Иванов"},       {"Smirnov", "Смирнов"},     {"Kuznetsov", "Кузнецов"},
                             {"Popov", "Попов"},         {"Sokolov", "Соколов"},     {"Lebedev", "Лебедев"},
                             {"Kozlov", "Козлов"},       {"Novikov", "Новиков"},     {"Morozov", "Морозов"},
                             {"Volkov", "Волков"},       {"Solovyov", "Соловьёв"},   {"Vasilyev", "Васильев"},
                             {"Zaytsev", "Зайцев"},      {"Pavlov", "Павлов"},       {"Semyonov", "Семёнов"},
                             {"Golubev", "Голубев"},     {"Vinogradov", "Виноградов"}, {"Bogdanov", "Богданов"},
                             {"Vorobyov", "Воробьёв"},   {"Fyodorov", "Фёдоров"},    {"Mikhaylov", "Михайлов"},
                             {"Belyaev", "Беляев"},      {"Tarasov", "Тарасов"},     {"Belov", "Белов"},
                             {"Komarov", "Комаров"},     {"Orlov", "Орлов"},         {"Kiselyov", "Киселёв"},
                             {"Makarov", "Макаров"},     {"Andreev", "Андреев"},     {"Kovalyov", "Ковалёв"},
                             {"Ilyin", "Ильин"},         {"Gusev", "Гусев"},         {"Titov", "Титов"},
                             {"Kuzmin", "Кузьмин"},      {"Kudryavtsev", "Кудрявцев"}, {"Baranov", "Баранов"},
                             {"Kulikov", "Куликов"},     {"Alekseev", "Алексеев"},   {"Stepanov", "Степанов"},
                             {"Yakovlev", "Яковлев"},    {"Sorokin", "Сорокин"},     {"Sergeev", "Сергеев"},
                             {"Romanov", "Романов"},     {"Zakharov", "Захаров"},    {"Borisov", "Борисов"},
                             {"Korolyov", "Королёв"},    {"Gerasimov", "Герасимов"}, {"Ponomaryov", "Пономарёв"},
                             {"Grigoryev", "Григорьев"}, {"Lazarev", "Лазарев"},     {"Medvedev", "Медведев"},
                             {"Yershov", "Ершов"},       {"Nikitin", "Никитин"},     {"Sobolev", "Соболев"},
                             {"Ryabov", "Рябов"},        {"Polyakov", "Поляков"},    {"Tsvetkov", "Цветков"},
                             {"Danilov", "Данилов"},     {"Zhukov", "Жуков"},        {"Frolov", "Фролов"},
                             {"Zhuravlyov", "Журавлёв"}, {"Nikolaev", "Николаев"},   {"Krylov", "Крылов"},
                             {"Maksimov", "Максимов"},   {"Sidorov", "Сидоров"},     {"Osipov", "Осипов"},
                             {"Belousov", "Белоусов"},   {"Fedotov", "Федотов"},     {"Yegorov", "Егоров"},
                             {"Matveev", "Матвеев"},     {"Bobrov", "Бобров"},       {"Kalinin", "Калинин"},
                             {"Anisimov", "Анисимов"},   {"Petukhov", "Петухов"},    {"Antonov", "Антонов"},
                             {"Timofeev", "Тимофеев"},   {"Nikiforov", "Никифоров"}, {"Filippov", "Филиппов"},
                             {"Markov", "Марков"},       {"Sukhanov", "Суханов"},    {"Mironov", "Миронов"},
                             {"Konovalov", "Коновалов"}, {"Shestakov", "Шестаков"},  {"Kazakov", "Казаков"},
                             {"Denisov", "Денисов"},     {"Gromov", "Громов"},       {"Fomin", "Фомин"},
                             {"Davydov", "Давыдов"},     {"Melnikov", "Мельников"},  {"Shcherbakov", "Щербаков"},
                             {"Kolesnikov", "Колесников"}});
  ru.patronymic_stems = {{"Aleksandrov", "Александров"}, {"Dmitriev", "Дмитриев"},     {"Sergeev", "Сергеев"},
                         {"Andreev", "Андреев"},         {"Alekseev", "Алексеев"},     {"Ivanov", "Иванов"},
                         {"Mikhaylov", "Михайлов"},      {"Nikolaev", "Николаев"},     {"Vladimirov", "Владимиров"},
                         {"Pavlov", "Павлов"},           {"Yuryev", "Юрьев"},          {"Olegov", "Олегов"},
                         {"Igorev", "Игорев"},           {"Viktorov", "Викторов"},     {"Romanov", "Романов"},
                         {"Borisov", "Борисов"},         {"Gennadyev", "Геннадьев"},   {"Konstantinov", "Константинов"},
                         {"Maksimov", "Максимов"},       {"Anatolyev", "Анатольев"},   {"Vadimov", "Вадимов"},
                         {"Petrov", "Петров"},           {"Arkadyev", "Аркадьев"},     {"Yevgenyev", "Евгеньев"}};
  ru.nationalities = {"ru", "ru", "ru", "ru", "ru", "ru", "by", "kz", "cy", "il"};
  c.push_back(ru);

  Culture gr;
  gr.key = "gr";
  gr.lang = "ell";
  gr.weight = 6;
  gr.male = {{"Georgios", "Γεώργιος"},   {"Konstantinos", "Κωνσταντίνος"}, {"Ioannis", "Ιωάννης"},
             {"Dimitrios", "Δημήτριος"}, {"Nikolaos", "Νικόλαος"},         {"Panagiotis", "Παναγιώτης"},
             {"Vasileios", "Βασίλειος"}, {"Christos", "Χρήστος"},          {"Athanasios", "Αθανάσιος"},
             {"Michail", "Μιχαήλ"},      {"Evangelos", "Ευάγγελος"},       {"Spyridon", "Σπυρίδων"},
             {"Stavros", "Σταύρος"},     {"Theodoros", "Θεόδωρος"},        {"Andreas", "Ανδρέας"}};
  gr.female = {{"Maria", "Μαρία"},           {"Eleni", "Ελένη"},     {"Aikaterini", "Αικατερίνη"},
               {"Vasiliki", "Βασιλική"},     {"Sofia", "Σοφία"},     {"Angeliki", "Αγγελική"},
               {"Georgia", "Γεωργία"},       {"Dimitra", "Δήμητρα"}, {"Konstantina", "Κωνσταντίνα"},
               {"Paraskevi", "Παρασκευή"}};
  gr.family = {{{"Papadopoulos", "Παπαδόπουλος"}, {"Papadopoulou", "Παπαδοπούλου"}},
               {{"Papadakis", "Παπαδάκης"}, {"Papadaki", "Παπαδάκη"}},
               {{"Georgiou", "Γεωργίου"}, {"Georgiou", "Γεωργίου"}},
               {{"Oikonomou", "Οικονόμου"}, {"Oikonomou", "Οικονόμου"}},
               {{"Vasileiou", "Βασιλείου"}, {"Vasileiou", "Βασιλείου"}},
               {{"Nikolaidis", "Νικολαΐδης"}, {"Nikolaidou", "Νικολαΐδου"}},
               {{"Karagiannis", "Καραγιάννης"}, {"Karagianni", "Καραγιάννη"}},
               {{"Makris", "Μακρής"}, {"Makri", "Μακρή"}},
               {{"Dimitriou", "Δημητρίου"}, {"Dimitriou", "Δημητρίου"}},
               {{"Papanikolaou", "Παπανικολάου"}, {"Papanikolaou", "Παπανικολάου"}},
               {{"Ioannou", "Ιωάννου"}, {"Ioannou", "Ιωάννου"}},
               {{"Konstantinidis", "Κωνσταντινίδης"}, {"Konstantinidou", "Κωνσταντινίδου"}},
               {{"Alexiou", "Αλεξίου"}, {"Alexiou", "Αλεξίου"}},
               {{"Angelopoulos", "Αγγελόπουλος"}, {"Angelopoulou", "Αγγελοπούλου"}},
               {{"Christodoulou", "Χριστοδούλου"}, {"Christodoulou", "Χριστοδούλου"}},
               {{"Theodorou", "Θεοδώρου"}, {"Theodorou", "Θεοδώρου"}},
               {{"Antoniou", "Αντωνίου"}, {"Antoniou", "Αντωνίου"}},
               {{"Pappas", "Παππάς"}, {"Pappa", "Παππά"}},
               {{"Lamprou", "Λάμπρου"}, {"Lamprou", "Λάμπρου"}},
               {{"Kyriakidis", "Κυριακίδης"}, {"Kyriakidou", "Κυριακίδου"}},
               {{"Mavridis", "Μαυρίδης"}, {"Mavridou", "Μαυρίδου"}},
               {{"Stavropoulos", "Σταυρόπουλος"}, {"Stavropoulou", "Σταυροπούλου"}}};
  gr.nationalities = {"gr", "gr", "gr", "cy", "cy"};
  c.push_back(gr);

  Culture ar;
  ar.key = "ar";
  ar.lang = "ara";
  ar.weight = 12;
  ar.male = {{"Mohammed", "محمد"}, {"Ahmed", "أحمد"},   {"Ali", "علي"},       {"Omar", "عمر"},
             {"Khalid", "خالد"},  {"Hassan", "حسن"},   {"Hussein", "حسين"},  {"Ibrahim", "إبراهيم"},
             {"Youssef", "يوسف"}, {"Abdullah", "عبد الله"}, {"Mahmoud", "محمود"}, {"Mustafa", "مصطفى"},
             {"Tariq", "طارق"},   {"Karim", "كريم"},   {"Samir", "سمير"},    {"Walid", "وليد"},
             {"Faisal", "فيصل"},  {"Rashid", "راشد"},  {"Nasser", "ناصر"},   {"Hamza", "حمزة"}};
  ar.female = {{"Fatima", "فاطمة"}, {"Aisha", "عائشة"}, {"Mariam", "مريم"},   {"Layla", "ليلى"},  {"Noor", "نور"},
               {"Huda", "هدى"},     {"Salma", "سلمى"}, {"Rania", "رانيا"}, {"Yasmin", "ياسمين"}, {"Zainab", "زينب"}};
  auto same = [](const char* latin, const char* arabic) { return FamilyName{{latin, arabic}, {latin, arabic}}; };
  ar.family = {same("Al-Masri", "المصري"),   same("Al-Hashimi", "الهاشمي"), same("Al-Tamimi", "التميمي"),
               same("Haddad", "حداد"),       same("Khoury", "خوري"),        same("Al-Sayed", "السيد"),
               same("Mansour", "منصور"),     same("Nasrallah", "نصر الله"), same("Al-Qasimi", "القاسمي"),
               same("Saleh", "صالح"),        same("Al-Amin", "الأمين"),     same("Darwish", "درويش"),
               same("Al-Obeidi", "العبيدي"), same("Jaber", "جابر"),         same("Al-Shami", "الشامي"),
               same("Barakat", "بركات"),     same("Al-Zahrani", "الزهراني"), same("Al-Harbi", "الحربي"),
               same("Qureshi", "قريشي"),     same("Al-Khatib", "الخطيب"),   same("Hamdan", "حمدان"),
               same("Al-Najjar", "النجار"),  same("Awad", "عوض"),           same("Suleiman", "سليمان")};
  ar.nationalities = {"ae", "ae", "sa", "lb", "sy", "eg", "jo", "iq", "qa", "kw", "ye"};
  c.push_back(ar);

  Culture ee;
  ee.key = "ee";
  ee.weight = 5;
  ee.male = Latin({"Andres", "Jaan", "Toomas", "Rein", "Mart", "Priit", "Tarmo", "Indrek", "Margus", "Urmas", "Kalev",
                   "Siim", "Tõnu"});
  ee.female = Latin({"Kadri", "Mari", "Tiina", "Kristiina", "Liis", "Triin", "Kersti", "Maarja", "Piret", "Anu",
                     "Ülle"});
  ee.family = LatinFamily({"Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel",
                           "Lepik", "Oja", "Kuusk", "Karu", "Raudsepp", "Vaher", "Lill", "Põder", "Kõiv", "Luik",
                           "Kivi", "Mets", "Org", "Kallas"});
  ee.nationalities = {"ee", "ee", "ee", "lv", "fi"};
  c.push_back(ee);

  Culture tr;
  tr.key = "tr";
  tr.weight = 7;
  tr.male = Latin({"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Murat", "Emre", "Burak", "Cem",
                   "Serkan", "Oğuz"});
  tr.female = Latin({"Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Merve", "Özlem", "Derya"});
  tr.family = LatinFamily({"Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
                           "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
                           "Şimşek", "Erdem", "Polat"});
  tr.nationalities = {"tr", "tr", "tr", "tr", "cy", "de", "az"};
  c.push_back(tr);

  return c;
}

std::vector<Jurisdiction> MakeJurisdictions() {
  return {
      {"gb", 14, Latin({"Ltd", "Limited", "PLC", "LLP"}), "en"},
      {"us", 8, Latin({"LLC", "Inc.", "Corp."}), "en"},
      {"de", 10, Latin({"GmbH", "AG", "GmbH & Co. KG", "UG (haftungsbeschränkt)"}), "de"},
      {"ru", 14, {{"OOO", "ООО"}, {"AO", "АО"}, {"PAO", "ПАО"}, {"ZAO", "ЗАО"}}, "ru"},
      {"ee", 5, Latin({"OÜ", "AS"}), "ee"},
      {"cy", 9, Latin({"Ltd", "Limited"}), "gr"},
      {"ae", 6, Latin({"FZE", "FZCO", "LLC"}), "ar"},
      {"gr", 3, Latin({"S.A.", "IKE"}), "gr"},
      {"fr", 4, Latin({"SARL", "SAS", "SA"}), "ro"},
      {"nl", 4, Latin({"B.V.", "N.V."}), "de"},
      {"ch", 4, Latin({"AG", "SA", "GmbH"}), "de"},
      {"vg", 6, Latin({"Ltd", "Limited", "Inc."}), "en"},
      {"pa", 3, Latin({"S.A.", "Corp."}), "ro"},
      {"tr", 4, Latin({"A.Ş.", "Ltd. Şti."}), "tr"},
      {"lv", 2, Latin({"SIA", "AS"}), "ee"},
      {"it", 2, Latin({"S.r.l.", "S.p.A."}), "ro"},
      {"hk", 2, Latin({"Limited", "Company Limited"}), "en"},
  };
}

}  // namespace

const std::vector<Culture>& Cultures() {
  static const std::vector<Culture> cultures = MakeCultures();
  return cultures;
}

const std::vector<Jurisdiction>& Jurisdictions() {
  static const std::vector<Jurisdiction> list = MakeJurisdictions();
  return list;
}

const std::vector<std::string>& CompanyPrefixes() {
  static const std::vector<std::string> list = {
      "Atlas",    "Meridian", "Northstar", "Baltic",   "Danube",   "Alpine",     "Harbour",  "Crescent",
      "Pinnacle", "Summit",   "Horizon",   "Vanguard", "Sterling", "Oakwood",    "Silverline", "Bluewater",
      "Redstone", "Greenfield", "Ironbridge", "Westgate", "Eastern", "Pacific",  "Nordic",   "Aegean",
      "Levant",   "Caspian",  "Orion",     "Phoenix",  "Triton",   "Apex",       "Keystone", "Granite",
      "Cedar",    "Falcon",   "Sapphire",  "Emerald",  "Coral",    "Highland",   "Riverside", "Lakeside",
      "Tallinn",  "Limassol", "Hanseatic", "Rhine",    "Volga",    "Bosphorus",  "Gulf",     "Amber"};
  return list;
}

const std::vector<std::string>& CompanySectors() {
  static const std::vector<std::string> list = {
      "Holdings",    "Trading",    "Shipping",  "Logistics",  "Energy",       "Capital",     "Investments",
      "Minerals",    "Resources",  "Petroleum", "Maritime",   "Engineering",  "Construction", "Consulting",
      "Technologies", "Pharma",    "Agro",      "Metals",     "Commodities",  "Finance",     "Properties",
      "Ventures",    "Industries", "Marine Services", "Aviation", "Chartering", "Tankers",   "Import Export"};
  return list;
}

const std::vector<Spelling>& RussianFirmAdjectives() {
  static const std::vector<Spelling> list = {
      {"Severny", "Северный"},   {"Volzhsky", "Волжский"},     {"Uralsky", "Уральский"},
      {"Baltiysky", "Балтийский"}, {"Sibirsky", "Сибирский"}, {"Tsentralny", "Центральный"},
      {"Yuzhny", "Южный"},       {"Nevsky", "Невский"},       {"Arktichesky", "Арктический"},
      {"Dalnevostochny", "Дальневосточный"}, {"Kamsky", "Камский"}, {"Amursky", "Амурский"},
      {"Moskovsky", "Московский"}, {"Donskoy", "Донской"},     {"Kubansky", "Кубанский"},
      {"Vostochny", "Восточный"}, {"Zapadny", "Западный"},     {"Novy", "Новый"},
      {"Pervy", "Первый"},       {"Torgovy", "Торговый"}};
  return list;
}

const std::vector<Spelling>& RussianFirmNouns() {
  static const std::vector<Spelling> list = {
      {"Alyans", "Альянс"},   {"Terminal", "Терминал"}, {"Kapital", "Капитал"}, {"Kholding", "Холдинг"},
      {"Tranzit", "Транзит"}, {"Metall", "Металл"},     {"Resurs", "Ресурс"},   {"Standart", "Стандарт"},
      {"Proekt", "Проект"},   {"Soyuz", "Союз"},        {"Partnyor", "Партнёр"}, {"Sintez", "Синтез"},
      {"Les", "Лес"},         {"Port", "Порт"},         {"Flot", "Флот"},       {"Neftegaz", "Нефтегаз"}};
  return list;
}

const std::vector<std::string>& Positions() {
  static const std::vector<std::string> list = {
      "Deputy Minister of Energy",       "Member of Parliament",
      "Governor of the Central Bank",    "Chief Executive Officer",
      "Head of Regional Administration", "Deputy Prime Minister",
      "Ambassador",                      "Chairman of the Board of Directors",
      "Member of the Federation Council", "Minister of Transport",
      "Mayor",                           "Judge of the Supreme Court",
      "Deputy Director, Federal Customs Service", "Director General"};
  return list;
}

const std::vector<std::string>& DirectorRoles() {
  static const std::vector<std::string> list = {"Director",          "Managing Director", "Chairman of the Board",
                                                "Company Secretary", "Non-executive Director", "General Director",
                                                "Geschäftsführer",   "Nominee Director",  "Member of the Board"};
  return list;
}

const std::vector<std::string>& AssociateRelations() {
  static const std::vector<std::string> list = {"business associate", "close associate", "former business partner",
                                                "co-investor",        "adviser",         "bodyguard",
                                                "personal lawyer",    "school friend"};
  return list;
}

const std::vector<std::string>& Cities() {
  static const std::vector<std::string> list = {
      "Moscow",  "Saint Petersburg", "Yekaterinburg", "Novosibirsk", "Kazan",     "Limassol", "Nicosia",
      "London",  "Manchester",       "Berlin",        "Hamburg",     "Munich",    "Frankfurt am Main", "Vienna",
      "Zürich",  "Geneva",           "Paris",         "Marseille",   "Madrid",    "Milan",    "Athens",
      "Piraeus", "Thessaloniki",     "Dubai",         "Abu Dhabi",   "Beirut",    "Damascus", "Cairo",
      "Amman",   "Tallinn",          "Tartu",         "Riga",        "Istanbul",  "Ankara",   "Baku",
      "Almaty",  "Minsk",            "New York",      "Toronto",     "Dublin"};
  return list;
}

const std::vector<std::string>& IntelligenceNotes() {
  static const std::vector<std::string> list = {
      "Reported to act as a nominee for the beneficial owner.",
      "Front company suspected of routing payments for dual-use goods.",
      "Met the subject twice in 2021; the subject travelled on a second passport.",
      "Shares an address and telephone number with three other companies in this report.",
      "Source reports the vessel's cargo was transferred at sea, \"off the books\".",
      "Subject is believed to control the company through a trust, not on the register.",
      "Accounts show round-sum loans from an unrelated company in a different jurisdiction.",
      "Liaison service confirms the identity; reporting not yet corroborated."};
  return list;
}

}  // namespace dossier::bench
