#include "cli/commands.h"

int main(int argc, char** argv) { return dossier::cli::Run(argc, argv); }
