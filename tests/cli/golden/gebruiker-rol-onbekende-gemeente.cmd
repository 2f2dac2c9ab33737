ambt gebruiker rol raadslid.bloemendaal --rol raadslid --scope GM9999 --db DB
