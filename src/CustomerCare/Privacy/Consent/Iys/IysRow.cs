using CustomerCare.Customers;
using CustomerCare.Import;
using NodaTime;

namespace CustomerCare.Privacy.Consent.Iys;

/// <summary>One valid row of an İYS consent file.</summary>
internal sealed record IysRow(RowRef Ref, string Recipient, string Type, ConsentChannel Channel, string Status, ConsentAction Action, string IysSource, ConsentSource Source, Instant At, string RecipientType)
{
    /// <summary>Reads and checks a row; returns <see langword="null"/> when any value was refused (each refusal is reported).</summary>
    public static IysRow? Read(CsvRow row, Instant now)
    {
        var type = row.Required(IysFields.Type);
        ConsentChannel? known = type is not null && IysCodes.TryChannel(type, out var channel) ? channel : null;
        if (type is not null && known is null)
        {
            row.Error(IysFields.Type, type, FieldErrorCodes.Unknown, "is not an İYS type: EPOSTA, MESAJ or ARAMA");
        }

        // The recipient's form depends on the type; with an unknown type only its presence is checked.
        var recipient = ReadRecipient(row, known);
        var status = row.Required(IysFields.Status);
        var action = default(ConsentAction);
        if (status is not null && !IysCodes.TryAction(status, out action))
        {
            row.Error(IysFields.Status, status, FieldErrorCodes.Unknown, "is not an İYS status: ONAY or RET");
        }

        var iysSource = row.Required(IysFields.Source);
        var source = default(ConsentSource);
        if (iysSource is not null && !IysCodes.TrySource(iysSource, out source))
        {
            row.Error(IysFields.Source, iysSource, FieldErrorCodes.Unknown, "is not an İYS source: " + string.Join(", ", IysCodes.KnownSources));
        }

        var at = ReadDate(row, now);
        var recipientType = row.Required(IysFields.RecipientType);
        if (recipientType is not null and not (IysCodes.Individual or IysCodes.Merchant))
        {
            row.Error(IysFields.RecipientType, recipientType, FieldErrorCodes.Unknown, "is not an İYS recipient type: BIREYSEL or TACIR");
        }

        return row.HasErrors || recipient is null || type is null || known is not { } consentChannel || status is null || iysSource is null || at is not { } instant || recipientType is null
            ? null
            : new IysRow(row.Ref, recipient, type, consentChannel, status, action, iysSource, source, instant, recipientType);
    }

    private static string? ReadRecipient(CsvRow row, ConsentChannel? channel)
    {
        var text = row.Required(IysFields.Recipient);
        if (text is null || channel is not { } kind)
        {
            return text;
        }

        if (kind == ConsentChannel.Email)
        {
            if (EmailAddress.TryParse(text, out var email, out var error, IysFields.Recipient))
            {
                return email.Value;
            }

            row.Error(error);
            return null;
        }

        if (!IysCodes.IsTurkishPhone(text))
        {
            row.Error(IysFields.Recipient, text, FieldErrorCodes.Malformed, "is not a Turkish phone number in +90 form, such as +905321234567");
            return null;
        }

        return text;
    }

    private static Instant? ReadDate(CsvRow row, Instant now)
    {
        var text = row.Required(IysFields.ConsentDate);
        if (text is null)
        {
            return null;
        }

        var parsed = IysCodes.DatePattern.Parse(text);
        if (!parsed.Success)
        {
            row.Error(IysFields.ConsentDate, text, FieldErrorCodes.Malformed, "is not a date and time as yyyy-MM-dd HH:mm:ss (Europe/Istanbul)");
            return null;
        }

        var at = parsed.Value.InZoneLeniently(TimeZones.Istanbul).ToInstant();
        if (at > now)
        {
            row.Error(IysFields.ConsentDate, text, FieldErrorCodes.OutOfRange, "is in the future");
            return null;
        }

        return at;
    }
}
