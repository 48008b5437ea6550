using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Webhooks.Tests.Support;

/// <summary>Secrets, clocks and the documented scheme computed independently of <see cref="WebhookSigner"/>.</summary>
internal static class Secrets
{
    public const string Current = "whsec_current_7f3a9c1e2b4d";
    public const string Previous = "whsec_previous_0a1b2c3d4e5f";
    public const string Stranger = "whsec_stranger_99999999999";

    public static FakeClock Clock() => new(Instant.FromUtc(2027, 3, 1, 9, 30));

    /// <summary>The documented scheme, by hand: lowercase hex HMAC-SHA256 of the ASCII timestamp, a dot and the body, keyed by the secret's UTF-8.</summary>
    public static string Hmac(string secret, long timestamp, byte[] body)
    {
        var message = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message)).ToLowerInvariant();
    }
}
