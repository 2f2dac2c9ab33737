ambt vestiging wijzig amstelveen-video --balies 2 --open 'di,do 09:00-12:00; vr 13:00-15:00' --db DB && ambt vestiging toon amstelveen-video --db DB
