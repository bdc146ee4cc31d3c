# kind: dos
# expect: blocked
# desc: catch Exception/BaseException around a limit in a retry loop
while True:
    try:
        while True:
            pass
    except Exception:
        pass
    except BaseException:
        pass
