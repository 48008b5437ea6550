using System.Globalization;
using CustomerCare.Channels.Files;
using CustomerCare.Customers;

namespace CustomerCare.MailKit;

/// <summary>The SMTP server and sender of an <see cref="SmtpChannel"/>.</summary>
/// <remarks>Bound from configuration by <c>UseSmtp(IConfiguration)</c>: <c>Host</c>, <c>Port</c>, <c>SecureSocket</c>
/// (<c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c>), <c>UserName</c>, <c>Password</c>,
/// <c>From</c>, <c>FromName</c>, <c>MessageIdDomain</c>, <c>ConnectTimeout</c> and <c>CommandTimeout</c>
/// (<c>hh:mm:ss</c>).</remarks>
public sealed class SmtpChannelOptions
{
    /// <summary>The longest timeout accepted: a send never waits longer than this for one step.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The server's host name or IP address. Required.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The server's port. Default 587, the submission port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured. Default <see cref="SmtpSecureSocket.StartTls"/>.</summary>
    public SmtpSecureSocket SecureSocket { get; set; } = SmtpSecureSocket.StartTls;

    /// <summary>The user name to authenticate with; no authentication when <see langword="null"/> or empty.</summary>
    public string? UserName { get; set; }

    /// <summary>The password; required with <see cref="UserName"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender's address, such as <c>destek@example.com.tr</c>. Required.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The sender's display name, such as <c>Müşteri Hizmetleri</c>; none when <see langword="null"/>.</summary>
    public string? FromName { get; set; }

    /// <summary>The right-hand side of the <c>Message-ID</c>s; the domain of <see cref="From"/> when <see langword="null"/>.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>How long connecting, the TLS handshake and authentication may take together. Default 30 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server may take to answer one command (or to take the message data). Default 60 seconds.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems, each naming the setting and its value; empty when the settings are valid.</returns>
    internal IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add(FieldErrors.Create(nameof(Host), Host, FieldErrorCodes.Required, "is required"));
        }
        else if (Host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || Host.Length > 253)
        {
            errors.Add(FieldErrors.Create(nameof(Host), Host, FieldErrorCodes.Malformed, "is not a host name or address"));
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add(FieldErrors.Create(nameof(Port), Port.ToString(CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be between 1 and 65535"));
        }

        if (!Enum.IsDefined(SecureSocket))
        {
            errors.Add(FieldErrors.Create(nameof(SecureSocket), SecureSocket.ToString(), FieldErrorCodes.Unknown, "is not one of None, StartTls, StartTlsWhenAvailable, SslOnConnect"));
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            errors.Add(FieldErrors.Create(nameof(Password), null, FieldErrorCodes.Required, "is required when a UserName is set"));
        }
        else if (string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(Password))
        {
            // The password itself is never echoed into an error message.
            errors.Add(FieldErrors.Create(nameof(UserName), UserName, FieldErrorCodes.Required, "is required when a Password is set"));
        }

        var fromValid = EmailAddress.TryParse(From, out var from, out var fromError, nameof(From));
        if (!fromValid)
        {
            errors.Add(fromError!);
        }

        if (FromName is not null && FromName.Any(char.IsControl))
        {
            errors.Add(FieldErrors.Create(nameof(FromName), FromName, FieldErrorCodes.Malformed, "contains a control character"));
        }

        if ((MessageIdDomain is not null || fromValid) && !EmailMessageId.TryNormalizeDomain(MessageIdDomain ?? from.Domain, out _, out var domainError, nameof(MessageIdDomain)))
        {
            errors.Add(domainError);
        }

        foreach (var (name, value) in new[] { (nameof(ConnectTimeout), ConnectTimeout), (nameof(CommandTimeout), CommandTimeout) })
        {
            if (value <= TimeSpan.Zero || value > MaxTimeout)
            {
                errors.Add(FieldErrors.Create(name, value.ToString("c", CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be positive and at most 00:10:00"));
            }
        }

        return errors;
    }

    /// <summary>The <c>Message-ID</c> domain in ASCII; call only after <see cref="Check"/> found nothing.</summary>
    internal string ResolvedMessageIdDomain()
    {
        var domain = MessageIdDomain ?? EmailAddress.Parse(From).Domain;
        return EmailMessageId.TryNormalizeDomain(domain, out var ascii, out var error) ? ascii : throw new FieldValidationException(error);
    }
}
