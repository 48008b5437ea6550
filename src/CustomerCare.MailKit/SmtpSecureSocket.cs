namespace CustomerCare.MailKit;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecureSocket
{
    /// <summary>Plain text; only for a server on a trusted network (a local relay, a test server).</summary>
    None = 0,

    /// <summary>Upgrade with <c>STARTTLS</c>, and refuse a server that cannot (port 587).</summary>
    StartTls,

    /// <summary>Upgrade with <c>STARTTLS</c> when the server offers it, otherwise stay plain.</summary>
    StartTlsWhenAvailable,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
