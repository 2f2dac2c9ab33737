ambt reservekopie --help
