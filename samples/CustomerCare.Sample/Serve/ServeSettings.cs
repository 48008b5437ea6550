namespace CustomerCare.Sample.Serve;

/// <summary>What the <c>serve</c> command was asked for.</summary>
/// <param name="Urls">Where to listen, such as <c>http://127.0.0.1:5080</c>; port 0 picks a free port.</param>
/// <param name="Secret">The shared inbound secret given with <c>--secret</c>, or <see langword="null"/>.</param>
public sealed record ServeSettings(IReadOnlyList<string> Urls, string? Secret)
{
    /// <summary>Where <c>serve</c> listens when neither <c>--urls</c> nor <c>--port</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The default port, 5080.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The loopback address with a port, as <c>--port</c> gives it.</summary>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <returns>Such as <c>http://127.0.0.1:5080</c>.</returns>
    public static string Loopback(int port) => "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
