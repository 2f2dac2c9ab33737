ambt gebruiker intrekken balie.aalsmeer --db DB && ambt gebruiker intrekken balie.aalsmeer --db DB
