namespace VikaIvr.Testing.Caller;

/// <summary>
/// Parses `vika call --dtmf "1,w,1,3171011708850001#"`: `w` is a one-second wait, `,` separates
/// groups with a short gap, other characters are DTMF keys (0-9 * # A-D).
/// </summary>
public static class KeyPlan
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan GroupGap = TimeSpan.FromMilliseconds(300);

    public static IReadOnlyList<KeyPlanStep> Parse(string plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var steps = new List<KeyPlanStep>();
        var keys = new System.Text.StringBuilder();
        void Flush()
        {
            if (keys.Length > 0)
            {
                steps.Add(new KeyPlanStep(keys.ToString(), TimeSpan.Zero));
                keys.Clear();
            }
        }

        foreach (var c in plan)
        {
            switch (c)
            {
                case ',':
                    Flush();
                    steps.Add(new KeyPlanStep(string.Empty, GroupGap));
                    break;
                case 'w' or 'W':
                    Flush();
                    steps.Add(new KeyPlanStep(string.Empty, Wait));
                    break;
                case ' ':
                    break;
                default:
                    if (!IsKey(c))
                    {
                        throw new FormatException($"'{c}' is not a DTMF key, 'w' or ','");
                    }

                    keys.Append(char.ToUpperInvariant(c));
                    break;
            }
        }

        Flush();
        return steps;
    }

    public static bool IsKey(char c) => c is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D') or (>= 'a' and <= 'd');
}
