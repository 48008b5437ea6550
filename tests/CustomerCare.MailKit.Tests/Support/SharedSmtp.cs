using System.Globalization;

namespace CustomerCare.MailKit.Tests.Support;

/// <summary>The SMTP server <c>test.sh</c> starts for every test run: <c>CUSTOMERCARE_TEST_SMTP</c> and <c>CUSTOMERCARE_TEST_MAILDIR</c>.</summary>
internal static class SharedSmtp
{
    public const string SkipReason = "No SMTP server: run test.sh, or set CUSTOMERCARE_TEST_SMTP (host:port) and CUSTOMERCARE_TEST_MAILDIR for an aiosmtpd Mailbox server.";

    public static bool IsMissing => Endpoint is null || Maildir is null;

    public static string? Maildir => Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_MAILDIR") is { Length: > 0 } dir ? dir : null;

    private static string? Endpoint => Environment.GetEnvironmentVariable("CUSTOMERCARE_TEST_SMTP") is { Length: > 0 } endpoint ? endpoint : null;

    public static string Host => Endpoint![..Endpoint!.LastIndexOf(':')];

    public static int Port => int.Parse(Endpoint![(Endpoint!.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
}
