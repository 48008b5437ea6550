namespace CustomerCare.Privacy.Redaction;

/// <summary>A kind of personal data the redactor finds; each has its own mask (<see cref="PersonalDataRedactor.MaskOf"/>).</summary>
public enum PersonalDataKind
{
    /// <summary>An e-mail address; masked <c>[EMAIL]</c>.</summary>
    Email = 0,

    /// <summary>A phone number, Turkish or international (E.164); masked <c>[PHONE]</c>.</summary>
    Phone,

    /// <summary>A Turkish identity number (TC Kimlik No) that passes its checksum; masked <c>[TCKN]</c>.</summary>
    TurkishIdNumber,

    /// <summary>An IBAN that passes its mod-97 check; masked <c>[IBAN]</c>.</summary>
    Iban,

    /// <summary>A payment card number that passes the Luhn check; masked <c>[CARD]</c>.</summary>
    PaymentCard,

    /// <summary>A name the redactor was told about, such as the customer's own; masked <c>[NAME]</c>.</summary>
    Name,
}
