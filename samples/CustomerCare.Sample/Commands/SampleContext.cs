namespace CustomerCare.Sample.Commands;

/// <summary>What every command works with: the host's services and the console.</summary>
/// <param name="Host">The host.</param>
/// <param name="Console">Where output goes.</param>
public sealed record SampleContext(SampleHost Host, SampleConsole Console)
{
    /// <summary>The host's services.</summary>
    public IServiceProvider Services => Host.Services;
}
