ambt besluit --help
