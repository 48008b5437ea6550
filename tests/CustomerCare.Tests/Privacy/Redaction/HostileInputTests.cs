using System.Text;
using CustomerCare.Privacy.Redaction;
using Xunit;

namespace CustomerCare.Tests.Privacy.Redaction;

// No timing assertion: each input must simply finish; a backtracking scanner would not within the test host's patience.
public sealed class HostileInputTests
{
    private const int Size = 100 * 1024;

    public static TheoryData<string> Patterns { get; } = new()
    {
        "1 ",
        "0-",
        "+9",
        "a@",
        "a.",
        "@a.",
        "TR12 ",
        "ayşe ",
        "1.2,",
        "(5",
        "4111 ",
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Redact_100KilobytesOfARepeatedPattern_Completes(string pattern)
    {
        var text = Repeat(pattern);
        var redactor = PersonalDataRedactor.Default.WithKnownNames("Ayşe Yılmaz");

        var redacted = redactor.Redact(text);

        Assert.NotNull(redacted);
        Assert.True(redacted.Length > 0);
    }

    [Fact]
    public void Redact_100KilobytesOfDigits_CompletesAndMasksNothingInsideOneEndlessNumber()
    {
        var text = new string('7', Size);

        Assert.Same(text, PersonalDataRedactor.Default.Redact(text));
    }

    [Fact]
    public void Redact_ManyPhonesInALongText_MasksEachOne()
    {
        var text = string.Concat(Enumerable.Repeat("ara 0532 123 45 67 ", 5000));

        var redacted = PersonalDataRedactor.Default.Redact(text);

        Assert.Equal(5000, redacted.Split("[PHONE]").Length - 1);
    }

    private static string Repeat(string pattern)
    {
        var builder = new StringBuilder(Size + pattern.Length);
        while (builder.Length < Size)
        {
            builder.Append(pattern);
        }

        return builder.ToString();
    }
}
