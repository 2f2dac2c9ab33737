ambt berichten verzend --db DB
