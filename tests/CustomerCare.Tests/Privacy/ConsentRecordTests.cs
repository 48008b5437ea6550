using CustomerCare.Customers;
using CustomerCare.Privacy.Consent;
using CustomerCare.Tests.Support;
using NodaTime;

namespace CustomerCare.Tests.Privacy;

public sealed class ConsentRecordTests
{
    private static readonly Instant At = Instant.FromUtc(2027, 1, 10, 8, 0);

    [Fact]
    public void ARecord_WithSeveralBadFields_NamesEachFieldAndValue()
    {
        var error = Assert.Throws<FieldValidationException>(() => new ConsentRecord(
            " padded", CustomerId.From("c-1"), (ConsentPurpose)9, ConsentChannel.Email, ConsentAction.Grant, default, At, "", new string('x', 501)));

        Assert.Equal(["id", "purpose", "source", "policy_version", "evidence"], error.Errors.Select(e => e.Field));
        Assert.Equal("9", error.Errors.Single(e => e.Field == "purpose").AttemptedValue);
        Assert.Equal(FieldErrorCodes.TooLong, error.Errors.Single(e => e.Field == "evidence").Code);
    }

    [Theory]
    [InlineData("web_form", true)]
    [InlineData("support_call2", true)]
    [InlineData("Web_Form", false)]
    [InlineData("web-form", false)]
    [InlineData("_web", false)]
    [InlineData("ıys", false)]
    [InlineData("", false)]
    [InlineData("a_source_token_that_is_far_too_long", false)]
    public void ASource_IsALowerCaseAsciiToken_UnderTheTurkishCulture(string text, bool valid)
    {
        using var turkish = new TurkishCulture();

        var parsed = ConsentSource.TryFrom(text, out var source, out var error);

        Assert.Equal(valid, parsed);
        Assert.Equal(valid ? text : "source", valid ? source.Value : error!.Field);
    }

    [Fact]
    public void Evidence_IsTrimmed_AndBlankEvidenceIsNone()
    {
        var record = new ConsentRecord("r-1", CustomerId.From("c-1"), ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, ConsentSource.WebForm, At, "v1", "  IP 203.0.113.9  ");
        var bare = new ConsentRecord("r-2", CustomerId.From("c-1"), ConsentPurpose.Marketing, ConsentChannel.Email, ConsentAction.Grant, ConsentSource.WebForm, At, "v1", "   ");

        Assert.Equal("IP 203.0.113.9", record.Evidence);
        Assert.Null(bare.Evidence);
    }
}
