namespace ApimAiGateway.Harness.Services;

/// <summary>What a <see cref="CannedResponseHandler"/> answers once its sequence is used up.</summary>
public enum CannedSequenceEnd
{
    /// <summary>Keep giving the last outcome: "fail twice, then succeed".</summary>
    RepeatLast,

    /// <summary>Start over from the first outcome: alternating healthy and failing answers.</summary>
    Cycle,
}
