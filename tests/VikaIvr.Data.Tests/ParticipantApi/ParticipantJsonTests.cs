using System.Text;
using VikaIvr.Data.ParticipantApi;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.Tests.ParticipantApi;

/// <summary>The answer body of the participant service, as README.md in Data/ParticipantApi documents it.</summary>
public sealed class ParticipantJsonTests
{
    // The README's example, verbatim.
    private const string ReadmeExample = """
        {
          "nik": "3578101201800003",
          "card_number": "0003456789012",
          "name": "Agus Wijaya",
          "birth_date": "1980-01-12",
          "segment": "PBPU",
          "care_class": 2,
          "status": "inactive",
          "inactive_reason": "arrears",
          "paid_through": "2026-04"
        }
        """;

    [Fact]
    public void The_documented_example_reads_as_agus()
    {
        Assert.True(ParticipantJson.TryRead(Encoding.UTF8.GetBytes(ReadmeExample), out var participant, out string error), error);

        Assert.Equal(DemoParticipants.For(new YearMonth(2026, 11))[2], participant);
    }

    [Fact]
    public void Every_demo_participant_survives_a_round_trip()
    {
        foreach (var expected in DemoParticipants.For(new YearMonth(2026, 11)))
        {
            Assert.True(ParticipantJson.TryRead(ParticipantJson.Write(expected), out var read, out string error), error);
            Assert.Equal(expected, read);
        }
    }

    [Fact]
    public void Optional_fields_may_be_absent_and_unknown_fields_are_ignored()
    {
        const string body = """{"nik":"3273054503920002","card_number":"0002345678901","name":"Siti Rahmawati","birth_date":"1992-03-05","segment":"PPU_BU","care_class":1,"status":"active","branch":"Bandung"}""";

        Assert.True(ParticipantJson.TryRead(Encoding.UTF8.GetBytes(body), out var participant, out string error), error);

        Assert.Equal(InactiveReason.None, participant!.InactiveReason);
        Assert.Null(participant.PaidThrough);
    }

    [Theory]
    [InlineData("", "the answer is not JSON")]
    [InlineData("{\"nik\":", "the answer is not JSON")]
    [InlineData("\"3578101201800003\"", "the answer is a JSON string, not an object")]
    [InlineData("null", "the answer is a JSON null, not an object")]
    [InlineData("{\"nik\":\"3578101201800003\"}", "field 'card_number' is missing or not a string")]
    [InlineData("{\"nik\":3578101201800003}", "field 'nik' is missing or not a string")]
    [InlineData("{\"nik\":\"\"}", "field 'nik' is empty")]
    public void Garbage_names_what_is_wrong_without_the_values(string body, string expected)
    {
        Assert.False(ParticipantJson.TryRead(Encoding.UTF8.GetBytes(body), out var participant, out string error));

        Assert.Null(participant);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("3578101201800003", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"birth_date\": \"1980-01-12\"", "\"birth_date\": \"12-01-1980\"", "field 'birth_date' is not a date yyyy-MM-dd")]
    [InlineData("\"segment\": \"PBPU\"", "\"segment\": \"MANDIRI\"", "field 'segment' is not a segment code")]
    [InlineData("\"care_class\": 2", "\"care_class\": 4", "field 'care_class' is missing or not a number 1-3")]
    [InlineData("\"care_class\": 2", "\"care_class\": 2.5", "field 'care_class' is missing or not a number 1-3")]
    [InlineData("\"status\": \"inactive\"", "\"status\": \"INACTIVE\"", "field 'status' is not 'active' or 'inactive'")]
    [InlineData("\"inactive_reason\": \"arrears\"", "\"inactive_reason\": \"unpaid\"", "field 'inactive_reason' is not null, 'arrears' or 'nik-mismatch'")]
    [InlineData("\"inactive_reason\": \"arrears\"", "\"inactive_reason\": 1", "field 'inactive_reason' is not a string or null")]
    [InlineData("\"paid_through\": \"2026-04\"", "\"paid_through\": \"April 2026\"", "field 'paid_through' is not a month yyyy-MM")]
    public void A_wrong_field_is_named(string field, string replacement, string expected)
    {
        string body = ReadmeExample.Replace(field, replacement, StringComparison.Ordinal);
        Assert.NotEqual(ReadmeExample, body);

        Assert.False(ParticipantJson.TryRead(Encoding.UTF8.GetBytes(body), out _, out string error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_as_not_json()
    {
        string body = "{\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        Assert.False(ParticipantJson.TryRead(Encoding.UTF8.GetBytes(body), out _, out string error));

        Assert.StartsWith("the answer is not JSON", error, StringComparison.Ordinal);
    }
}
