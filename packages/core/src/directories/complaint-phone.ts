/** The supervision and complaints line [seed, 七、监督及投诉电话], shown on the home page. */
export const COMPLAINT_PHONE = '0371-67184567'
