using System.Buffers;
using System.Globalization;
using System.Text.Json;
using VikaIvr.Jkn.Participants;
using VikaIvr.Jkn.Time;

namespace VikaIvr.Data.ParticipantApi;

/// <summary>
/// The participant service's answer body, one JSON object (README.md beside this file):
/// <c>{"nik":"…","card_number":"…","name":"…","birth_date":"yyyy-MM-dd","segment":"PBPU",
/// "care_class":3,"status":"active"|"inactive","inactive_reason":null|"arrears"|"nik-mismatch",
/// "paid_through":null|"yyyy-MM"}</c>. Read field by field so every kind of garbage gets an error
/// naming the field — never its value, which may be personal. Unknown fields are ignored.
/// </summary>
public static class ParticipantJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 8 };

    public static byte[] Write(Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("nik", participant.Nik);
            json.WriteString("card_number", participant.CardNumber);
            json.WriteString("name", participant.Name);
            json.WriteString("birth_date", participant.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("segment", SegmentCodes.Code(participant.Segment));
            json.WriteNumber("care_class", participant.CareClass);
            json.WriteString("status", participant.Status == MembershipStatus.Active ? "active" : "inactive");
            if (Reason(participant.InactiveReason) is { } reason) json.WriteString("inactive_reason", reason); else json.WriteNull("inactive_reason");
            if (participant.PaidThrough is { } paid) json.WriteString("paid_through", paid.ToString()); else json.WriteNull("paid_through");
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads one answer; on garbage returns false with <paramref name="error"/> naming what is wrong.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, out Participant? participant, out string error)
    {
        participant = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ReadOptions);
        }
        catch (JsonException ex)
        {
            // The reader's message gives a position and at most one character, never a value.
            error = "the answer is not JSON (" + ex.Message + ")";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"the answer is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return false;
            }

            return TryRead(root, out participant, out error);
        }
    }

    private static bool TryRead(JsonElement root, out Participant? participant, out string error)
    {
        participant = null;
        if (!Text(root, "nik", out string nik, out error)
            || !Text(root, "card_number", out string card, out error)
            || !Text(root, "name", out string name, out error)
            || !Text(root, "birth_date", out string birth, out error)
            || !Text(root, "segment", out string segmentCode, out error)
            || !Text(root, "status", out string statusText, out error)
            || !OptionalText(root, "inactive_reason", out string? reasonText, out error)
            || !OptionalText(root, "paid_through", out string? paidText, out error))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
            return Fail("field 'birth_date' is not a date yyyy-MM-dd", out error);
        if (!SegmentCodes.TryParse(segmentCode, out var segment))
            return Fail("field 'segment' is not a segment code (PBI_APBN, PBI_APBD, PPU_PN, PPU_BU, PBPU, BP)", out error);
        if (!root.TryGetProperty("care_class", out var careElement) || careElement.ValueKind != JsonValueKind.Number
            || !careElement.TryGetInt32(out int careClass) || careClass is < 1 or > 3)
            return Fail("field 'care_class' is missing or not a number 1-3", out error);
        MembershipStatus status;
        switch (statusText)
        {
            case "active": status = MembershipStatus.Active; break;
            case "inactive": status = MembershipStatus.Inactive; break;
            default: return Fail("field 'status' is not 'active' or 'inactive'", out error);
        }

        InactiveReason reason;
        switch (reasonText)
        {
            case null: reason = InactiveReason.None; break;
            case "arrears": reason = InactiveReason.Arrears; break;
            case "nik-mismatch": reason = InactiveReason.NikMismatch; break;
            default: return Fail("field 'inactive_reason' is not null, 'arrears' or 'nik-mismatch'", out error);
        }

        YearMonth? paidThrough = null;
        if (paidText is not null)
        {
            if (!YearMonth.TryParse(paidText, out var paid)) return Fail("field 'paid_through' is not a month yyyy-MM", out error);
            paidThrough = paid;
        }

        participant = new Participant
        {
            Nik = nik, CardNumber = card, Name = name, BirthDate = birthDate, Segment = segment,
            CareClass = careClass, Status = status, InactiveReason = reason, PaidThrough = paidThrough,
        };
        error = "";
        return true;
    }

    private static bool Text(JsonElement root, string field, out string value, out string error)
    {
        value = "";
        if (!root.TryGetProperty(field, out var element) || element.ValueKind != JsonValueKind.String)
            return Fail($"field '{field}' is missing or not a string", out error);
        value = element.GetString()!;
        if (value.Length == 0) return Fail($"field '{field}' is empty", out error);
        error = "";
        return true;
    }

    private static bool OptionalText(JsonElement root, string field, out string? value, out string error)
    {
        value = null;
        error = "";
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.String) return Fail($"field '{field}' is not a string or null", out error);
        value = element.GetString();
        return true;
    }

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    private static string? Reason(InactiveReason reason) => reason switch
    {
        InactiveReason.Arrears => "arrears",
        InactiveReason.NikMismatch => "nik-mismatch",
        _ => null,
    };
}
