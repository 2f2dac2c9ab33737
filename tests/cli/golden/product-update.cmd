ambt product update huwelijk --gemeente GM0362 --inactief --horizon 180 --db DB && ambt product list --gemeente GM0362 --alle --db DB
