using System.Text;
using VikaIvr.Sip.Message;

namespace VikaIvr.Sip.Tests.Message;

/// <summary>The one list scanner, in its char and byte forms.</summary>
public class SipListTests
{
    public static TheoryData<string, string[]> Lists => new()
    {
        { "a,b,c", ["a", "b", "c"] },
        { "\"Doe, John\" <sip:j@x>, <sip:k@y>", ["\"Doe, John\" <sip:j@x>", "<sip:k@y>"] },
        { "\"say \\\"hi, there\\\"\" <sip:a@b>,<sip:c@d>", ["\"say \\\"hi, there\\\"\" <sip:a@b>", "<sip:c@d>"] },
        { "\"ends in backslash \\\\\", <sip:a@b>", ["\"ends in backslash \\\\\"", "<sip:a@b>"] },
        { "<sip:a@b;x=1,2>;q=1, <sip:c@d?h=a,b>", ["<sip:a@b;x=1,2>;q=1", "<sip:c@d?h=a,b>"] },
        { ",, a ,\t,\r\n b,", ["a", "b"] },
        { " \t\r\n ", [] },
        { "", [] },
        { "\"unterminated, quote", ["\"unterminated, quote"] },
        { "  only  ", ["only"] },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Char_and_byte_forms_split_alike(string text, string[] expected)
    {
        var chars = new List<string>();
        foreach (var item in SipList.Items(text.AsSpan()))
        {
            chars.Add(item.ToString());
        }

        var bytes = new List<string>();
        foreach (var item in SipList.Items(Encoding.UTF8.GetBytes(text).AsSpan()))
        {
            bytes.Add(Encoding.UTF8.GetString(item));
        }

        var viaText = new List<string>();
        SipText.SplitList(text, viaText);

        Assert.Equal(expected, chars);
        Assert.Equal(expected, bytes);
        Assert.Equal(expected, viaText);
    }

    [Fact]
    public void Current_range_points_into_the_scanned_text()
    {
        const string text = "  <sip:a@b> ,\t\"x,y\" <sip:c@d>  ";
        var ranges = new List<string>();
        var items = SipList.Items(text.AsSpan());
        while (items.MoveNext())
        {
            ranges.Add(text[items.CurrentRange]);
        }

        Assert.Equal(["<sip:a@b>", "\"x,y\" <sip:c@d>"], ranges);
    }

    [Theory]
    [InlineData("  first ; p=1 , second", "first ; p=1")]
    [InlineData("\"a,b\" <sip:x@y>;tag=1, <sip:z@w>", "\"a,b\" <sip:x@y>;tag=1")]
    [InlineData("<sip:x@y,z>", "<sip:x@y,z>")]
    [InlineData(", second", "")]
    public void First_item_is_trimmed_and_ignores_commas_in_quotes_and_brackets(string text, string expected)
    {
        Assert.Equal(expected, SipList.FirstItem(text.AsSpan()).ToString());
        Assert.Equal(expected, Encoding.UTF8.GetString(SipList.FirstItem(Encoding.UTF8.GetBytes(text).AsSpan())));
    }

    [Theory]
    [InlineData(";tag=abc;x=1", 0)]
    [InlineData("tag=abc;x=1", 7)]
    [InlineData("x=\"a;b,c\";y", 9)]
    [InlineData("x=\"a\\\";b\";y", 9)]
    [InlineData("x=<a;b>", 4)]
    [InlineData("x=1, next", 3)]
    [InlineData("x=\"open;", 8)]
    [InlineData("plain", 5)]
    public void A_parameter_ends_at_a_semicolon_or_comma_outside_quotes_only(string text, int expected)
    {
        Assert.Equal(expected, SipList.SeparatorIndex(text.AsSpan(), ';', ',', angleBrackets: false));
        Assert.Equal(expected, SipList.SeparatorIndex(Encoding.ASCII.GetBytes(text).AsSpan(), (byte)';', (byte)',', angleBrackets: false));
    }

    [Fact]
    public void Angle_brackets_hide_separators_only_when_asked()
    {
        Assert.Equal(2, SipList.SeparatorIndex("<a,b>,c".AsSpan(), ',', ',', angleBrackets: false));
        Assert.Equal(5, SipList.SeparatorIndex("<a,b>,c".AsSpan(), ',', ',', angleBrackets: true));
    }

    [Fact]
    public void Scanning_allocates_nothing()
    {
        var bytes = "\"Doe, John\" <sip:j@x;a=1,2>;tag=9, <sip:k@y> ,, \"q\\\"\" <sip:z@w>"u8.ToArray();
        var chars = Encoding.ASCII.GetString(bytes);
        var count = Scan(bytes, chars);   // warm up (JIT)
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            count += Scan(bytes, chars);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(101 * 6, count);
    }

    private static int Scan(byte[] bytes, string chars)
    {
        var n = 0;
        foreach (var item in SipList.Items<byte>(bytes))
        {
            n += item.IsEmpty ? 0 : 1;
        }

        foreach (var item in SipList.Items(chars.AsSpan()))
        {
            n += item.IsEmpty ? 0 : 1;
        }

        return n;
    }
}
