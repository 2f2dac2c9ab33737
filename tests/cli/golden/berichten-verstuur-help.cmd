ambt berichten verstuur --help
