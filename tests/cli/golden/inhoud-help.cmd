ambt inhoud --help
