ambt gebruiker rol raadslid.bloemendaal --rol raadslid --scope GM0358/aalsmeer-video --db DB
