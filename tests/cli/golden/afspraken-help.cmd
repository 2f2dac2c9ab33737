ambt afspraken --help
