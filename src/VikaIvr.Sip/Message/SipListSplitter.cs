namespace VikaIvr.Sip.Message;

/// <summary>Walks a comma list without allocating; commas in quotes or angle brackets do not split.</summary>
internal static class SipListSplitter
{
    /// <summary>Next non-empty, trimmed item from <paramref name="pos"/>; false at the end.</summary>
    public static bool Next(ReadOnlySpan<char> text, ref int pos, out Range item)
    {
        while (pos < text.Length)
        {
            var start = pos;
            var inQuotes = false;
            var inAngle = false;
            var i = pos;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inQuotes = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inQuotes = true;
                }
                else if (c == '<')
                {
                    inAngle = true;
                }
                else if (c == '>')
                {
                    inAngle = false;
                }
                else if (c == ',' && !inAngle)
                {
                    break;
                }
            }

            pos = Math.Min(i + 1, text.Length + 1);
            var s = start;
            var e = Math.Min(i, text.Length);
            while (s < e && SipText.IsLws(text[s]))
            {
                s++;
            }

            while (e > s && SipText.IsLws(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                item = s..e;
                return true;
            }
        }

        item = default;
        return false;
    }
}
