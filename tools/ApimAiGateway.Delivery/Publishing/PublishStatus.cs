namespace ApimAiGateway.Delivery.Publishing;

/// <summary>How a publish ended.</summary>
public enum PublishStatus
{
    /// <summary>Every change was applied (or nothing had changed).</summary>
    Published,

    /// <summary>--what-if: the changes were worked out and printed; nothing was sent.</summary>
    WhatIf,

    /// <summary>The repository did not load or lint cleanly: nothing was called.</summary>
    Invalid,

    /// <summary>A request failed, or a check before the first write did: see the changes for what was applied.</summary>
    Stopped,

    /// <summary>The request itself is wrong (an --only path outside the repository, an unreadable --infra-outputs).</summary>
    UsageError,
}
