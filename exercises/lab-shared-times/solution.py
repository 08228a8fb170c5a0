def shared_times(mine, yours):
    both = []
    for time in mine:
        if time in yours and time not in both:
            both.append(time)
    return both


print(shared_times(["Sun 19:00", "Wed 20:00", "Sat 10:00"], ["Sat 10:00", "Sun 19:00"]))
