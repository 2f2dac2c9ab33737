ambt vrije-tijden --help
