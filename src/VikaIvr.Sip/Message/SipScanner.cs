namespace VikaIvr.Sip.Message;

/// <summary>
/// A cursor over a header value. LWS includes CR and LF because values keep their folds.
/// Every read returns ranges, so validation can run without allocating.
/// </summary>
internal ref struct SipScanner
{
    private readonly ReadOnlySpan<char> _text;

    public SipScanner(ReadOnlySpan<char> text)
    {
        _text = text;
        Position = 0;
    }

    public int Position;

    public readonly ReadOnlySpan<char> Text => _text;

    public readonly bool AtEnd => Position >= _text.Length;

    public readonly char Peek => Position < _text.Length ? _text[Position] : '\0';

    public readonly ReadOnlySpan<char> Slice(Range r) => _text[r];

    /// <summary>Skips linear white space; returns whether any was skipped.</summary>
    public bool SkipLws()
    {
        var start = Position;
        while (Position < _text.Length && SipText.IsLws(_text[Position]))
        {
            Position++;
        }

        return Position > start;
    }

    /// <summary>Consumes <paramref name="c"/> with optional LWS around it.</summary>
    public bool TryConsume(char c)
    {
        var save = Position;
        SkipLws();
        if (Peek == c)
        {
            Position++;
            SkipLws();
            return true;
        }

        Position = save;
        return false;
    }

    /// <summary>Reads a token (RFC 3261) at the cursor.</summary>
    public bool TryReadToken(out Range range)
    {
        var start = Position;
        var rest = _text[Position..];
        var len = rest.IndexOfAnyExcept(SipText.TokenChars);
        if (len < 0)
        {
            len = rest.Length;
        }

        Position += len;
        range = start..Position;
        return len > 0;
    }

    /// <summary>Reads a quoted string including its quotes; false when unterminated.</summary>
    public bool TryReadQuoted(out Range range)
    {
        range = default;
        if (Peek != '"')
        {
            return false;
        }

        var start = Position;
        for (var i = Position + 1; i < _text.Length; i++)
        {
            if (_text[i] == '\\')
            {
                i++;
                continue;
            }

            if (_text[i] == '"')
            {
                Position = i + 1;
                range = start..Position;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads up to (not including) any of the stop characters or LWS.</summary>
    public bool TryReadUntil(ReadOnlySpan<char> stops, out Range range)
    {
        var start = Position;
        while (Position < _text.Length && stops.IndexOf(_text[Position]) < 0 && !SipText.IsLws(_text[Position]))
        {
            Position++;
        }

        range = start..Position;
        return Position > start;
    }

    /// <summary>Reads an unsigned decimal number (at most 18 digits are accepted).</summary>
    public bool TryReadNumber(out long value)
    {
        value = 0;
        var start = Position;
        while (Position < _text.Length && char.IsAsciiDigit(_text[Position]))
        {
            if (Position - start >= 18)
            {
                return false;
            }

            value = (value * 10) + (_text[Position] - '0');
            Position++;
        }

        return Position > start;
    }
}
