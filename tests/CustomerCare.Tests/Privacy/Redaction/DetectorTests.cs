using CustomerCare.Privacy.Redaction;
using Xunit;

namespace CustomerCare.Tests.Privacy.Redaction;

public sealed class DetectorTests
{
    private static readonly PersonalDataRedactor Redactor = PersonalDataRedactor.Default;

    [Theory]
    [InlineData("Bana ayse.yilmaz@example.com adresinden ulaşın.", "Bana [EMAIL] adresinden ulaşın.")]
    [InlineData("Mail: ayşe.yılmaz@örnek.com.tr'ye yazdım", "Mail: [EMAIL]'ye yazdım")]
    [InlineData("Write to john.o'brien+orders@mail.example.co.uk, thanks", "Write to [EMAIL], thanks")]
    [InlineData("two: a@b.io and c_d@e-f.org.", "two: [EMAIL] and [EMAIL].")]
    public void Redact_EmailAddresses_AreMasked(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("user@localhost is not a public address")]
    [InlineData("@handle on social media")]
    [InlineData("price 3@5.00 each")]
    public void Redact_AtSignsThatAreNotAddresses_AreKept(string text) => Assert.Same(text, Redactor.Redact(text));

    [Theory]
    [InlineData("Numaram +90 532 123 45 67, arayın.", "Numaram [PHONE], arayın.")]
    [InlineData("Numaram +905321234567", "Numaram [PHONE]")]
    [InlineData("Numaram 0 (532) 123-45-67 dir", "Numaram [PHONE] dir")]
    [InlineData("Numaram (0532) 123 45 67", "Numaram [PHONE]")]
    [InlineData("Numaram 05321234567", "Numaram [PHONE]")]
    [InlineData("Numaram 0532 123 45 67'dir", "Numaram [PHONE]'dir")]
    [InlineData("Ev telefonum 0212 555 12 34.", "Ev telefonum [PHONE].")]
    [InlineData("Cep: 532 123 45 67", "Cep: [PHONE]")]
    [InlineData("Call me on +44 20 7946 0958 or +1 (415) 555-0100.", "Call me on [PHONE] or [PHONE].")]
    [InlineData("0532 123 45 67 0533 765 43 21", "[PHONE] [PHONE]")]
    public void Redact_PhoneNumbersInTheirUsualSpellings_AreMasked(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text));

    // The documented rule: a number glued to a reference prefix, or a bare unbroken ten digits, is an order number.
    [Theory]
    [InlineData("Sipariş numaram ORD-5321234567, bakar mısınız?")]
    [InlineData("Sipariş #05321234567 hâlâ gelmedi")]
    [InlineData("Order SP05321234567 is late")]
    [InlineData("Sipariş numaram 5321234567")]
    [InlineData("Kargo takip: TR-100245")]
    [InlineData("Müşteri hizmetleri 0850 222 33 44")]
    [InlineData("Toplam 1.249,90 TL, tarih 12.11.2026")]
    public void Redact_NumbersThatLookLikePhonesButAreReferences_AreKept(string text) => Assert.Same(text, Redactor.Redact(text));

    [Theory]
    [InlineData("TC kimlik numaram 10000000146.", "TC kimlik numaram [TCKN].")]
    [InlineData("TCKN: 12345678950", "TCKN: [TCKN]")]
    [InlineData("My Turkish ID is 98765432150 and my friend's is 35264107806", "My Turkish ID is [TCKN] and my friend's is [TCKN]")]
    public void Redact_TurkishIdNumbersWithAValidChecksum_AreMasked(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("12345678951")] // last digit wrong
    [InlineData("12345678940")] // tenth digit wrong
    [InlineData("02345678950")] // starts with zero
    [InlineData("1234567895")] // ten digits
    public void IsValid_TurkishIdNumberFailingTheChecksum_IsFalse_AndTheNumberIsKept(string digits)
    {
        Assert.False(TurkishIdNumberDetector.IsValid(digits));
        Assert.Empty(new TurkishIdNumberDetector().Find("Kimlik no: " + digits));
    }

    [Theory]
    [InlineData("IBAN: TR33 0006 1005 1978 6457 8413 26 adresine", "IBAN: [IBAN] adresine")]
    [InlineData("IBAN: TR330006100519786457841326.", "IBAN: [IBAN].")]
    [InlineData("iban tr330006100519786457841326", "iban [IBAN]")]
    [InlineData("Pay to DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432", "Pay to [IBAN] or [IBAN]")]
    public void Redact_IbansWithOrWithoutSpaces_AreMasked(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("TR330006100519786457841327")] // check digits do not match
    [InlineData("TR3300061005197864578413")] // too short for Turkey
    [InlineData("XX00 0000 0000 0000")]
    public void Redact_IbanFailingItsCheck_IsNotMaskedAsAnIban(string iban)
    {
        Assert.DoesNotContain(Redactor.Find("IBAN " + iban), s => s.Kind == PersonalDataKind.Iban);
    }

    [Theory]
    [InlineData("Kartım 4111 1111 1111 1111 idi", "Kartım [CARD] idi")]
    [InlineData("card 5555-5555-5555-4444.", "card [CARD].")]
    [InlineData("Troy kart 9792030000000000", "Troy kart [CARD]")]
    public void Redact_CardNumbersPassingLuhn_AreMasked(string text, string expected) => Assert.Equal(expected, Redactor.Redact(text));

    [Fact]
    public void Redact_SixteenDigitsFailingLuhn_AreKept()
    {
        const string Text = "Takip kodu 4111 1111 1111 1112";

        Assert.Same(Text, Redactor.Redact(Text));
        Assert.False(PaymentCardDetector.PassesLuhn("4111111111111112"));
    }

    [Fact]
    public void Find_SeveralKindsInOneText_AreOrderedAndNeverOverlap()
    {
        const string Text = "Ben Ayşe, ayse@example.com, 0532 123 45 67, TC 10000000146, IBAN TR33 0006 1005 1978 6457 8413 26, kart 4111111111111111.";

        var spans = Redactor.WithKnownNames("Ayşe Yılmaz").Find(Text);

        Assert.Equal(
            [PersonalDataKind.Name, PersonalDataKind.Email, PersonalDataKind.Phone, PersonalDataKind.TurkishIdNumber, PersonalDataKind.Iban, PersonalDataKind.PaymentCard],
            spans.Select(s => s.Kind));
        Assert.All(spans.Zip(spans.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
    }

    [Fact]
    public void Redact_NothingFound_ReturnsTheSameInstance()
    {
        const string Text = "Siparişim üç gündür gelmedi, yardımcı olur musunuz?";

        Assert.Same(Text, Redactor.Redact(Text));
        Assert.Same(string.Empty, Redactor.Redact(string.Empty));
    }

    [Fact]
    public void Redact_Null_Throws() => Assert.Throws<ArgumentNullException>(() => Redactor.Redact(null!));

    [Fact]
    public void MaskOf_EveryKind_IsOneDocumentedMask()
    {
        Assert.Equal(
            ["[EMAIL]", "[PHONE]", "[TCKN]", "[IBAN]", "[CARD]", "[NAME]"],
            Enum.GetValues<PersonalDataKind>().Select(PersonalDataRedactor.MaskOf));
    }
}
