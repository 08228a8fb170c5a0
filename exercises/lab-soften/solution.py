def soften(sentence):
    sentence = sentence.replace("you always", "you sometimes")
    sentence = sentence.replace("You always", "You sometimes")
    sentence = sentence.replace("you never", "you don't always")
    sentence = sentence.replace("You never", "You don't always")
    return sentence


print(soften("You never listen to me!"))
