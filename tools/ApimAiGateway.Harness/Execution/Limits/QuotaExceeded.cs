using System.Globalization;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// The refusal of quota and quota-by-key (apim-reference §4.21/§4.22, §5.3): 403 Forbidden, reason QuotaExceeded,
/// "Out of call volume quota. Quota will be replenished in hh:mm:ss." (or bandwidth), and Retry-After in seconds.
/// The time is a whole-second TimeSpan in .NET's constant format, so a wait over a day reads d.hh:mm:ss. A quota that
/// never renews has no replenish time: the message stops after its first sentence and no Retry-After is sent
/// (the docs are silent on this case).
/// </summary>
internal static class QuotaExceeded
{
    public static PolicyException Calls(string policy, TimeSpan? resetsIn) => Create(policy, "Out of call volume quota.", resetsIn);

    public static PolicyException Bandwidth(string policy, TimeSpan? resetsIn) => Create(policy, "Out of bandwidth quota.", resetsIn);

    private static PolicyException Create(string policy, string exhausted, TimeSpan? resetsIn)
    {
        if (resetsIn is not { } wait)
        {
            return new PolicyException(policy, "QuotaExceeded", exhausted, 403);
        }

        var seconds = WholeSeconds.RoundUp(wait);
        var replenished = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        return new PolicyException(policy, "QuotaExceeded", $"{exhausted} Quota will be replenished in {replenished}.", 403)
        {
            Headers = [new("Retry-After", seconds.ToString(CultureInfo.InvariantCulture))],
        };
    }
}
