namespace SolarEvents.Domain.Employees;

/// <summary>The roles an employee can be granted (docs/architecture.md, Access table). Customers are not employees, so
/// <c>Customer</c> is not here. Append new roles at the end and never renumber.</summary>
public enum EmployeeRole
{
    SupportAgent = 0,
    Sales = 1,
    Engineer = 2,
    Compliance = 3,
    Admin = 4,

    /// <summary>A member of a field crew: does site surveys and installations, records them and the activation.</summary>
    Installer = 5,
}
