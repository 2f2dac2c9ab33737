ambt product wijzig huwelijk --gemeente GM0362 --inactief --horizon 180 --db DB && ambt product lijst --gemeente GM0362 --alle --db DB
