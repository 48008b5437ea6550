using System.CommandLine;
using CustomerCare.Customers;
using CustomerCare.Policy;
using CustomerCare.Templates;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Sample.Commands;

/// <summary>
/// <c>templates preview --kind K [--locale L] [--tone T] [--channel C]</c>: renders a reply template with its kind's
/// sample model through the library's catalog (built-in pack, fallback chain, channel rules) and prints it.
/// </summary>
public static class TemplatesCommand
{
    /// <summary>Creates the <c>templates</c> command and its <c>preview</c> subcommand.</summary>
    /// <param name="context">The host and console.</param>
    /// <returns>The command.</returns>
    public static Command Create(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = new Option<string>("--kind") { Description = "The template kind, such as Acknowledgement or Apology.", Required = true };
        var locale = new Option<string>("--locale") { Description = "The locale, such as tr-TR or en.", DefaultValueFactory = _ => "tr-TR" };
        var tone = new Option<string>("--tone") { Description = "Formal, Friendly or Witty.", DefaultValueFactory = _ => "Friendly" };
        var channel = new Option<string>("--channel") { Description = "Email, Sms, PublicSocialReply or Push.", DefaultValueFactory = _ => "Email" };
        var preview = new Command("preview", "Render a reply template with its sample model.") { kind, locale, tone, channel };
        preview.SetAction((parseResult, cancellationToken) => PreviewAsync(
            context,
            parseResult.GetValue(kind) ?? string.Empty,
            parseResult.GetValue(locale) ?? string.Empty,
            parseResult.GetValue(tone) ?? string.Empty,
            parseResult.GetValue(channel) ?? string.Empty,
            cancellationToken));
        return new Command("templates", "Work with the reply templates.") { preview };
    }

    /// <summary>Renders and prints a template; a bad option or a missing template exits with <see cref="ExitCodes.Usage"/>.</summary>
    /// <param name="context">The host and console.</param>
    /// <param name="kind">The kind's name.</param>
    /// <param name="locale">The locale.</param>
    /// <param name="tone">The tone's name.</param>
    /// <param name="channel">The channel's name.</param>
    /// <param name="cancellationToken">Cancels the render.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> PreviewAsync(SampleContext context, string kind, string locale, string tone, string channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = context.Console.Error;
        if (!Enum.TryParse<TemplateKind>(kind, ignoreCase: true, out var templateKind) || !Enum.IsDefined(templateKind))
        {
            await error.WriteLineAsync($"option '--kind': value '{kind}' is not a template kind: {string.Join(", ", Enum.GetNames<TemplateKind>())}");
            return ExitCodes.Usage;
        }

        if (!Locale.TryParse(locale, out var templateLocale, out var localeError, "--locale"))
        {
            await error.WriteLineAsync(localeError.Message);
            return ExitCodes.Usage;
        }

        if (!Enum.TryParse<ToneOfVoice>(tone, ignoreCase: true, out var templateTone) || !Enum.IsDefined(templateTone))
        {
            await error.WriteLineAsync($"option '--tone': value '{tone}' is not a tone: Formal, Friendly or Witty");
            return ExitCodes.Usage;
        }

        if (!Enum.TryParse<MessageChannel>(channel, ignoreCase: true, out var templateChannel) || !Enum.IsDefined(templateChannel))
        {
            await error.WriteLineAsync($"option '--channel': value '{channel}' is not a channel: {string.Join(", ", Enum.GetNames<MessageChannel>())}");
            return ExitCodes.Usage;
        }

        var key = new TemplateKey(templateKind, templateLocale, templateTone, templateChannel);
        RenderedMessage rendered;
        try
        {
            rendered = context.Services.GetRequiredService<TemplateRenderer>().Render(key, TemplateSamples.For(templateKind, templateLocale), cancellationToken);
        }
        catch (TemplateNotFoundException missing)
        {
            await error.WriteLineAsync(missing.Message);
            return ExitCodes.Usage;
        }

        var output = context.Console.Out;
        await output.WriteLineAsync($"== {rendered.Resolved} (asked for {rendered.Requested}) ==");
        if (rendered.Subject is not null)
        {
            await output.WriteLineAsync("Subject: " + rendered.Subject);
        }

        await output.WriteLineAsync(rendered.Text);
        if (rendered.Sms is { } sms)
        {
            await output.WriteLineAsync($"-- SMS: {sms}");
        }

        await output.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
