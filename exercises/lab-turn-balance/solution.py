def listening_shares(log):
    counts = {}
    for listener, speaker in log:
        counts.setdefault(listener, 0)
        counts.setdefault(speaker, 0)
        counts[listener] += 1
    shares = {}
    for name in counts:
        shares[name] = round(counts[name] * 100 / len(log))
    return shares


week = [("Sam", "Alex"), ("Sam", "Alex"), ("Alex", "Sam")]
print(listening_shares(week))
