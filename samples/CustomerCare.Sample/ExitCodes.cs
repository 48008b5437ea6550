namespace CustomerCare.Sample;

/// <summary>The process exit codes of the sample.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The command failed, or the simulation produced events the library rejected.</summary>
    public const int Error = 1;

    /// <summary>The command line was wrong: an unknown command or option, or a value out of range.</summary>
    public const int Usage = 2;
}
