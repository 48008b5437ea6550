using Microsoft.Extensions.Options;

namespace CustomerCare.MailKit;

/// <summary>Validates <see cref="SmtpChannelOptions"/> when the host starts, naming each bad setting and its value.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public sealed class SmtpChannelOptionsValidator : IValidateOptions<SmtpChannelOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SmtpChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Check();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => FieldErrors.WithPrefix(e, "Smtp").Message));
    }
}
