// The namespaces nearly every use case needs: the event store, the mediator, validation, the command pipeline,
// who acts, and the domain's decisions.
global using FluentValidation;
global using Marten;
global using SolarEvents.Application.Identity;
global using SolarEvents.Application.Messaging;
global using SolarEvents.Domain.Common;
global using Wolverine;
