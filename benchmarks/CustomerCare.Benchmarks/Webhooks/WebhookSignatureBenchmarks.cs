using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using CustomerCare.Webhooks;
using NodaTime;

namespace CustomerCare.Benchmarks.Webhooks;

/// <summary>
/// Signing and then verifying a 2 KB webhook body with <see cref="WebhookSigner"/> (header formatting, parsing, hex
/// decoding, constant-time comparison, timestamp window), beside the bare minimum by hand: one
/// <see cref="HMACSHA256.HashData(byte[], byte[])"/> over a concatenated buffer to sign, one more and a fixed-time
/// comparison to verify.
/// </summary>
[MemoryDiagnoser]
public class WebhookSignatureBenchmarks
{
    private const string Secret = "whsec_current_7f3a9c1e2b4d";
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 9, 30);
    private readonly WebhookSigner _signer = new([Secret]);
    private readonly byte[] _key = Encoding.UTF8.GetBytes(Secret);
    private byte[] _body = [];
    private string _timestamp = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("{\"id\":\"ack/CMP-7KQ2/webhook\",\"type\":\"complaint.acknowledged\",\"body\":\"");
        while (text.Length < 2040)
        {
            text.Append("Şikâyetiniz alındı; İstanbul ekibimiz 24 saat içinde dönecek. ");
        }

        _body = Encoding.UTF8.GetBytes(text.Append("\"}").ToString())[..2048];
        _timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>HMAC over <c>"{timestamp}.{body}"</c> twice and one fixed-time comparison: no header to write or read.</summary>
    [Benchmark(Baseline = true)]
    public bool HandWrittenHmac()
    {
        var message = new byte[_timestamp.Length + 1 + _body.Length];
        Encoding.ASCII.GetBytes(_timestamp + ".", message);
        _body.CopyTo(message, _timestamp.Length + 1);
        var signature = HMACSHA256.HashData(_key, message);
        return CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, message));
    }

    /// <summary>The scheme end to end: the <c>v1=</c> header made, then parsed and checked against the clock.</summary>
    [Benchmark]
    public bool SignAndVerify()
    {
        var header = _signer.Sign(Now.ToUnixTimeSeconds(), _body);
        return _signer.Verify(_body, _timestamp, header, Now, Duration.FromMinutes(5)) == WebhookSignatureStatus.Valid;
    }
}
