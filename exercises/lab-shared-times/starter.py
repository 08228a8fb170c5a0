def shared_times(mine, yours):
    both = []
    # Add each time from mine that is also in yours, once.
    return both


print(shared_times(["Sun 19:00", "Wed 20:00", "Sat 10:00"], ["Sat 10:00", "Sun 19:00"]))
