def next_listener(log, partners):
    first, second = partners
    return first


print(next_listener([("Sam", "Alex")], ("Sam", "Alex")))
