package org.ngms.directive;

/** FDD bands are paired (uplink and downlink); TDD bands are one unpaired range. */
public enum Duplex { FDD, TDD }
