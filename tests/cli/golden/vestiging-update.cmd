ambt vestiging update amstelveen-video --balies 2 --open 'di,do 09:00-12:00; vr 13:00-15:00' --db DB && ambt vestiging show amstelveen-video --db DB
