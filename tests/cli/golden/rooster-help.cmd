ambt rooster --help
