ambt product --help
