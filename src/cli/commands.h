/*
 * commands.h - the subcommands of `ambt`; each returns the exit code.
 * argv holds the arguments after the command name.
 */
#ifndef AMBT_COMMANDS_H
#define AMBT_COMMANDS_H

int cmd_init(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_gemeente(int argc, char **argv);
int cmd_regeling(int argc, char **argv);
int cmd_samenwerking(int argc, char **argv);
int cmd_eenheid(int argc, char **argv);
int cmd_besluit(int argc, char **argv);
int cmd_werkstroom(int argc, char **argv);
int cmd_taakveld(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_gebruiker(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_medewerker(int argc, char **argv);
int cmd_uren(int argc, char **argv);
int cmd_verdeling(int argc, char **argv);
int cmd_kostenpost(int argc, char **argv);
int cmd_scenario(int argc, char **argv);
int cmd_inhoud(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_migreer(int argc, char **argv);
int cmd_berichten(int argc, char **argv);
int cmd_vestiging(int argc, char **argv);
int cmd_product(int argc, char **argv);
int cmd_rooster(int argc, char **argv);
int cmd_vrije_tijden(int argc, char **argv);
int cmd_afspraak(int argc, char **argv);
int cmd_afspraken(int argc, char **argv);

#endif
