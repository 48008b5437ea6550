using System.Globalization;
using CustomerCare;
using Microsoft.Extensions.Options;

namespace Contoso.CustomerCare.Chat;

/// <summary>Validates <see cref="ChatChannelOptions"/> when the host starts, naming each bad option and its value.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public sealed class ChatChannelOptionsValidator : IValidateOptions<ChatChannelOptions>
{
    /// <summary>The prefix of the option names in the messages, as in configuration: <c>Chat.WebhookUrl</c>.</summary>
    public const string Prefix = "Chat";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ChatChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Check(options);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => FieldErrors.WithPrefix(e, Prefix).Message));
    }

    /// <summary>Checks every option.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The problems, each naming the option and its value; empty when the options are valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<FieldError> Check(ChatChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<FieldError>();
        var url = options.WebhookUrl;
        if (url is null)
        {
            errors.Add(FieldErrors.Create(nameof(options.WebhookUrl), null, FieldErrorCodes.Required, "is required: the incoming-webhook URL of the chat server"));
        }
        else if (!url.IsAbsoluteUri)
        {
            errors.Add(FieldErrors.Create(nameof(options.WebhookUrl), url.OriginalString, FieldErrorCodes.Malformed, "is not an absolute URL"));
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            // The webhook URL is a bearer secret: it may travel in clear text only to this machine.
            errors.Add(FieldErrors.Create(nameof(options.WebhookUrl), url.OriginalString, FieldErrorCodes.Malformed, "must use https (http is accepted for loopback hosts only)"));
        }

        var channel = options.ChannelName;
        if (string.IsNullOrWhiteSpace(channel))
        {
            errors.Add(FieldErrors.Create(nameof(options.ChannelName), channel, FieldErrorCodes.Required, "is required"));
        }
        else if (channel.Length > 64 || !channel.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add(FieldErrors.Create(nameof(options.ChannelName), channel, FieldErrorCodes.Malformed, "must be 1 to 64 lower-case ASCII letters, digits, '-', '_' or '.'"));
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > ChatChannelOptions.MaxTimeout)
        {
            errors.Add(FieldErrors.Create(nameof(options.Timeout), options.Timeout.ToString("c", CultureInfo.InvariantCulture), FieldErrorCodes.OutOfRange, "must be positive and at most 00:02:00"));
        }

        return errors;
    }
}
